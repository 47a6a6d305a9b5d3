#!/usr/bin/env bash
# The operator's files, end to end: `motcua build` replaces only a folder that is its own
# (new, empty, or a site it marked), leaves everything else byte for byte as it was, and
# reads the content all or nothing. Each check asserts what a user relies on: the files
# are still there, unchanged.
set -u
motcua=$(realpath "$1")
src=$2
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"  # the unreadable-folder check runs as another user
passed=0
failed=0
check() {  # check "description" command...
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what"; fi
}
# Every entry below a folder with its type and mode, and every file's SHA-256.
snapshot() {
  (cd "$1" && find . -printf '%p %y %m\n' | LC_ALL=C sort && find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}
same() { cmp -s "$1" "$2"; }
build() { "$motcua" build --content "$work/content" --wasm "" "$@"; }

cp -r "$src/tests/sites/basic/content" "$work/content"
build --out "$work/reference" >/dev/null 2>&1
snapshot "$work/reference" >"$work/reference.snap"
check "a build into a new folder exits 0" test -f "$work/reference/index.html"
check "the site carries its mark" grep -q '"generator": "motcua"' "$work/reference/.motcua-site"
check "the mark lists the files written" grep -q '"index.html"' "$work/reference/.motcua-site"
# A site differs from the reference only where the build wrote something else.
# The mark's bytes are left out: it also records when the content was last saved.
site_only() { grep -v '^[0-9a-f]\{64\}  \./\.motcua-site$' "$1"; }
same_site() { snapshot "$1" >"$work/now.snap" && cmp -s <(site_only "$work/now.snap") <(site_only "$work/reference.snap"); }

# --- Folders that are never the output ------------------------------------------------------

snapshot "$work/content" >"$work/content.snap"
build --out "$work/content" >/dev/null 2>"$work/err.txt"
check "--out the content folder exits 2" test $? -eq 2
check "... and says it is the content folder" grep -q "is the content folder" "$work/err.txt"
build --out "$work/content/site" >/dev/null 2>"$work/err.txt"
check "--out inside the content folder exits 2" test $? -eq 2
check "... and says so" grep -q "is inside the content folder" "$work/err.txt"
build --out "$work/content/procedures/.." >/dev/null 2>&1
check "--out the content folder spelled with .. exits 2" test $? -eq 2
ln -s "$work/content" "$work/content-link"
build --out "$work/content-link/site" >/dev/null 2>&1
check "--out inside the content folder through a symbolic link exits 2" test $? -eq 2
build --out "$work" >/dev/null 2>"$work/err.txt"
check "--out a folder holding the content exits 2" test $? -eq 2
check "... and says it holds the content folder" grep -q "holds the content folder" "$work/err.txt"
snapshot "$work/content" >"$work/content-after.snap"
check "the content is byte for byte as it was" same "$work/content.snap" "$work/content-after.snap"

# The git repository motcua runs in, from inside it.
mkdir -p "$work/repo/docs"
echo "notes" >"$work/repo/docs/notes.md"
if command -v git >/dev/null 2>&1; then
  git -C "$work/repo" init -q && git -C "$work/repo" add -A &&
    git -C "$work/repo" -c user.name=t -c user.email=t@example.org commit -q -m init
else
  mkdir "$work/repo/.git"  # what motcua looks for
fi
snapshot "$work/repo" >"$work/repo.snap"
(cd "$work/repo/docs" && build --out .. >/dev/null 2>"$work/err.txt")
check "--out the repository root from inside it exits 2" test $? -eq 2
check "... and names the repository" grep -q "is the git repository motcua is running in" "$work/err.txt"
(cd "$work/repo" && build --out "$PWD" >/dev/null 2>&1)
check "--out \"\$PWD\" at the repository root exits 2" test $? -eq 2
(cd "$work/repo" && build --out . >/dev/null 2>&1)
check "--out . at the repository root exits 2" test $? -eq 2
(cd "$work/repo/docs" && build --out "$work" >/dev/null 2>&1)
check "--out a folder holding the repository exits 2" test $? -eq 2
snapshot "$work/repo" >"$work/repo-after.snap"
check "the repository, .git included, is byte for byte as it was" same "$work/repo.snap" "$work/repo-after.snap"
(cd "$work/repo" && build --out site >/dev/null 2>&1)
check "a site folder inside the repository is fine" test -f "$work/repo/site/index.html"

# A home folder.
mkdir -p "$work/home/Documents"
echo "dear" >"$work/home/Documents/letter.txt"
echo "alias ll='ls -l'" >"$work/home/.bashrc"
snapshot "$work/home" >"$work/home.snap"
HOME="$work/home" build --out "$work/home" >/dev/null 2>"$work/err.txt"
check "--out the home folder exits 2" test $? -eq 2
check "... and says it is the home folder" grep -q "is your home folder" "$work/err.txt"
build --out "$work/home" >/dev/null 2>"$work/err.txt"
check "--out a folder of someone's files exits 2" test $? -eq 2
check "... and names what is in it" grep -q "already holds files motcua did not write: .bashrc, Documents" "$work/err.txt"
check "... and says what to do" grep -q "Choose another folder" "$work/err.txt"
snapshot "$work/home" >"$work/home-after.snap"
check "the home folder is byte for byte as it was" same "$work/home.snap" "$work/home-after.snap"
mkdir "$work/empty-home"
HOME="$work/empty-home" build --out "$work/empty-home" >/dev/null 2>&1
check "--out an empty home folder exits 2 too" test $? -eq 2
HOME=/ build --out "$work/home-is-root/site" >/dev/null 2>&1
check "HOME=/ (as in some services) does not refuse every folder" test -f "$work/home-is-root/site/index.html"

# The root of the filesystem: refused at once (it used to loop forever).
for root in / // /.. /tmp/..; do
  timeout 10 "$motcua" build --content "$work/content" --wasm "" --out "$root" >/dev/null 2>"$work/err.txt"
  status=$?
  check "--out $root exits 2 at once" test $status -eq 2
  check "--out $root says it is the root" grep -q "is the root of the filesystem" "$work/err.txt"
done
build --out "" >/dev/null 2>"$work/err.txt"
check "--out \"\" exits 2" test $? -eq 2
check "--out \"\" says it is empty" grep -q -- "--out is empty" "$work/err.txt"

# A symbolic link: refused, naming where it points; neither link nor folder touched.
cp -r "$work/reference" "$work/real-site"
ln -s "$work/real-site" "$work/site-link"
build --out "$work/site-link" >/dev/null 2>"$work/err.txt"
check "--out a symbolic link exits 2" test $? -eq 2
check "... and says where it points" grep -q "is a symbolic link to $work/real-site" "$work/err.txt"
check "... and what to give instead" grep -q -- "--out $work/real-site" "$work/err.txt"
build --out "$work/site-link/" >/dev/null 2>&1
check "--out a symbolic link with a trailing / exits 2" test $? -eq 2
check "the link is still a link" test -L "$work/site-link"
check "the folder it points to is as it was" same_site "$work/real-site"
ln -s "$work/nowhere" "$work/dangling-link"
build --out "$work/dangling-link" >/dev/null 2>"$work/err.txt"
check "--out a dangling symbolic link exits 2" test $? -eq 2
check "... and says it points nowhere" grep -q "which does not exist" "$work/err.txt"
check "... and creates nothing there" test ! -e "$work/nowhere"
echo "not a folder" >"$work/a-file"
build --out "$work/a-file/site" >/dev/null 2>"$work/err.txt"
check "--out below a file exits 2" test $? -eq 2
check "... and does not speak of a previous site" test -z "$(grep "previous site" "$work/err.txt")"

# --- Folders motcua may replace -------------------------------------------------------------

mkdir "$work/empty"
build --out "$work/empty" >/dev/null 2>&1
check "an empty folder is filled" same_site "$work/empty"
build --out "$work/empty" >/dev/null 2>&1
check "a marked site is replaced without --force" same_site "$work/empty"

# A marked site with a file motcua did not write: refused, naming it.
echo "my notes" >"$work/empty/notes.txt"
snapshot "$work/empty" >"$work/foreign.snap"
build --out "$work/empty" >/dev/null 2>"$work/err.txt"
check "a marked site with a foreign file exits 2" test $? -eq 2
check "... naming the file" grep -q "also holds notes.txt, which motcua did not write" "$work/err.txt"
check "... suggesting --keep" grep -q -- "--keep notes.txt" "$work/err.txt"
snapshot "$work/empty" >"$work/foreign-after.snap"
check "... and the folder is byte for byte as it was" same "$work/foreign.snap" "$work/foreign-after.snap"
build --out "$work/empty" --keep notes.txt >/dev/null 2>&1
check "with --keep the foreign file survives" same "$work/empty/notes.txt" <(echo "my notes")
rm "$work/empty/notes.txt"
echo "deep" >"$work/empty/thu-tuc/notes.txt"
build --out "$work/empty" >/dev/null 2>"$work/err.txt"
check "a foreign file deeper in a marked site exits 2" test $? -eq 2
check "... naming its path" grep -q "also holds thu-tuc/notes.txt" "$work/err.txt"
check "... and it is still there" test -f "$work/empty/thu-tuc/notes.txt"
rm "$work/empty/thu-tuc/notes.txt"
build --out "$work/empty" --keep index.html >/dev/null 2>"$work/err.txt"
check "--keep of a name the site writes exits 2" test $? -eq 2
build --out "$work/empty" --keep a/b >/dev/null 2>&1
check "--keep of a path exits 2" test $? -eq 2
echo "{" >"$work/empty/.motcua-site"
build --out "$work/empty" >/dev/null 2>"$work/err.txt"
check "a damaged mark exits 2" test $? -eq 2
check "... and says so" grep -q "not a mark motcua can read" "$work/err.txt"

# A site built before the mark existed (./build.sh's own site/ after an upgrade).
cp -r "$work/reference" "$work/legacy"
rm "$work/legacy/.motcua-site"
snapshot "$work/legacy" >"$work/legacy.snap"
build --out "$work/legacy" >/dev/null 2>"$work/err.txt"
check "an unmarked site from an older motcua exits 2 without --force" test $? -eq 2
check "... and suggests --force" grep -q -- "run again with --force" "$work/err.txt"
echo "mine" >"$work/legacy/mine.txt"
build --out "$work/legacy" --force >/dev/null 2>"$work/err.txt"
check "--force does not replace an older site holding other files" test $? -eq 2
check "... naming them" grep -q "also holds mine.txt" "$work/err.txt"
rm "$work/legacy/mine.txt"
snapshot "$work/legacy" >"$work/legacy-after.snap"
check "... and the older site is as it was" same "$work/legacy.snap" "$work/legacy-after.snap"
build --out "$work/legacy" --force >/dev/null 2>&1
check "--force replaces an older motcua site" same_site "$work/legacy"
build --out "$work/home" --force >/dev/null 2>&1
check "--force never replaces someone's files" test $? -eq 2
snapshot "$work/home" >"$work/home-after.snap"
check "... which are byte for byte as they were" same "$work/home.snap" "$work/home-after.snap"

# A gh-pages checkout: .git and CNAME are not the site's, and survive only with --keep.
mkdir "$work/gh"
echo "tthc.example.gov.vn" >"$work/gh/CNAME"
if command -v git >/dev/null 2>&1; then
  git -C "$work/gh" init -q && git -C "$work/gh" add -A &&
    git -C "$work/gh" -c user.name=t -c user.email=t@example.org commit -q -m cname
else
  mkdir -p "$work/gh/.git/objects" && echo "ref: refs/heads/gh-pages" >"$work/gh/.git/HEAD"
fi
snapshot "$work/gh" >"$work/gh.snap"
build --out "$work/gh" >/dev/null 2>"$work/err.txt"
check "a gh-pages checkout without --keep exits 2" test $? -eq 2
check "... naming .git and CNAME" grep -q "already holds files motcua did not write: .git, CNAME" "$work/err.txt"
snapshot "$work/gh" >"$work/gh-after.snap"
check "... and is byte for byte as it was" same "$work/gh.snap" "$work/gh-after.snap"
build --out "$work/gh" --keep .git --keep CNAME >/dev/null 2>&1
check "with --keep .git --keep CNAME the site is built" test -f "$work/gh/index.html"
check "... CNAME survives" same "$work/gh/CNAME" <(echo "tthc.example.gov.vn")
snapshot "$work/gh" | grep -E '^\./\.git|  \./\.git' >"$work/git-in-gh.snap"
grep -E '^\./\.git|  \./\.git' "$work/gh.snap" >"$work/git-before.snap"
check "... .git is byte for byte as it was" same "$work/git-before.snap" "$work/git-in-gh.snap"
if command -v git >/dev/null 2>&1; then
  git -C "$work/gh" add -A && git -C "$work/gh" -c user.name=t -c user.email=t@example.org commit -q -m site
  git -C "$work/gh" log --oneline -1 >/dev/null
  check "... and git still works in it" test $? -eq 0
fi
snapshot "$work/gh" | grep -E '^\./\.git|  \./\.git' >"$work/git-before.snap"
sed -i 's/"name": "Đăng ký khai sinh"/"name": "Thủ tục đã đổi tên"/' "$work/content/procedures/1.000001/procedure.json"
build --out "$work/gh" --keep .git --keep CNAME >/dev/null 2>&1
check "a rebuild with --keep exits 0" test $? -eq 0
check "... and replaces the site" grep -q "Thủ tục đã đổi tên" "$work/gh/thu-tuc/1.000001/index.html"
snapshot "$work/gh" | grep -E '^\./\.git|  \./\.git' >"$work/git-in-gh.snap"
check "... and .git is byte for byte as it was" same "$work/git-before.snap" "$work/git-in-gh.snap"
snapshot "$work/gh" >"$work/gh.snap"
build --out "$work/gh" >/dev/null 2>"$work/err.txt"
check "a rebuild that forgets --keep exits 2" test $? -eq 2
check "... suggesting --keep for both" grep -q -- "--keep .git --keep CNAME" "$work/err.txt"
snapshot "$work/gh" >"$work/gh-after.snap"
check "... and the checkout is byte for byte as it was" same "$work/gh.snap" "$work/gh-after.snap"
cp "$src/tests/sites/basic/content/procedures/1.000001/procedure.json" "$work/content/procedures/1.000001/"

# --- Beside the folder: leftovers of killed builds, the lock ---------------------------------

build --out "$work/out/site" >/dev/null 2>&1
mkdir -p "$work/out/.site.tmp-deadbeef/api" "$work/out/.site.old-0badf00d" "$work/out/.site.tmp-notours" \
  "$work/out/.other.tmp-deadbeef"
echo junk >"$work/out/.site.tmp-deadbeef/api/junk.json"
echo junk >"$work/out/.site.old-0badf00d/junk"
build --out "$work/out/site" >/dev/null 2>"$work/err.txt"
check "a build next to leftovers exits 0" same_site "$work/out/site"
check "... removes the folder a killed build left" test ! -e "$work/out/.site.tmp-deadbeef"
check "... removes a previous site moved aside" test ! -e "$work/out/.site.old-0badf00d"
check "... says what it removed" grep -q "removed 2 folders left beside the output" "$work/err.txt"
check "... leaves names that are not its own" test -d "$work/out/.site.tmp-notours" -a -d "$work/out/.other.tmp-deadbeef"
# Stopped between the two renames of the fallback swap: the site is missing, the previous one
# waits beside it. The next build puts it back before anything else.
mv "$work/out/site" "$work/out/.site.old-12345678"
echo "mine" >"$work/out/.site.old-12345678/mine.txt"
build --out "$work/out/site" >/dev/null 2>"$work/err.txt"
check "a previous site left aside is put back" grep -q "restored the previous site from .site.old-12345678" "$work/err.txt"
check "... and the rules apply to it as to any site" grep -q "also holds mine.txt" "$work/err.txt"
check "... so nothing of it is lost" test -f "$work/out/site/mine.txt" -a -f "$work/out/site/index.html"

# Builds killed at any moment leave the complete previous site (the shipped content is big
# enough for the kill to land while reading, rendering or writing). Each killed build has a
# procedure renamed, so that it has something to write (an unchanged build writes nothing).
cp -r "$src/content" "$work/killed-content"
edited="$work/killed-content/procedures/1.001193/procedure.json"
"$motcua" build --content "$work/killed-content" --wasm "" --out "$work/killed/site" >/dev/null 2>&1
snapshot "$work/killed/site" >"$work/killed.snap"
writing=0
for delay in 0.05 0.1 0.2 0.3 0.4 0.6 0.8 1.0 1.5 2.0 3.0 4.0 5.0 6.5 8.0; do
  sed -i "s/\"name\": \"Đăng ký khai sinh[^\"]*\"/\"name\": \"Đăng ký khai sinh (lần $delay)\"/" "$edited"
  "$motcua" build --content "$work/killed-content" --wasm "" --out "$work/killed/site" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  snapshot "$work/killed/site" >"$work/now.snap"
  if same "$work/now.snap" "$work/killed.snap"; then
    check "a build killed after ${delay}s leaves the complete previous site" true
  else
    # A fast machine got the build past its swap before the kill (finished, or still
    # clearing the previous site aside): then the folder holds the new site, whole, as a build
    # of the same content into an empty folder writes it. Anything else is a broken site.
    rm -rf "$work/killed-ref"
    "$motcua" build --content "$work/killed-content" --wasm "" --out "$work/killed-ref/site" >/dev/null 2>&1
    snapshot "$work/killed-ref/site" >"$work/ref.snap"
    check "a build killed after ${delay}s, past its swap, leaves the complete new site" \
      cmp -s <(site_only "$work/now.snap") <(site_only "$work/ref.snap")
    cp "$work/now.snap" "$work/killed.snap"
  fi
  if ls -A "$work/killed" | grep -q '^\.site\.tmp-'; then writing=$((writing + 1)); fi
done
echo "($writing of 15 kills landed while the new site was being written)"
"$motcua" build --content "$work/killed-content" --wasm "" --out "$work/killed/site" >/dev/null 2>&1
check "the next build exits 0" test $? -eq 0
check "... and leaves nothing beside the site but its lock" \
  test "$(ls -A "$work/killed" | tr '\n' ' ')" = ".site.lock site "

# Two builds at once into the same folder: one waits for the other; both end with the site.
build --out "$work/both/site" >"$work/one.txt" 2>&1 &
one=$!
build --out "$work/both/site" >"$work/two.txt" 2>&1 &
two=$!
wait $one
check "the first of two concurrent builds exits 0" test $? -eq 0
wait $two
check "the second of two concurrent builds exits 0" test $? -eq 0
check "... and the folder holds the complete site" same_site "$work/both/site"
check "... with nothing left beside it but the lock" test "$(ls -A "$work/both" | tr '\n' ' ')" = ".site.lock site "
if command -v flock >/dev/null 2>&1; then
  flock "$work/both/.site.lock" sleep 1 &
  holder=$!
  sleep 0.2
  build --out "$work/both/site" >/dev/null 2>"$work/err.txt"
  check "a build while another holds the lock exits 0" test $? -eq 0
  check "... after saying it waits" grep -q "waiting for another motcua build into $work/both/site" "$work/err.txt"
  wait $holder
else
  echo "SKIPPED: the lock wait (no flock command)"
fi

# --- Reading is all or nothing -------------------------------------------------------------

build --out "$work/kept" >/dev/null 2>&1
snapshot "$work/kept" >"$work/kept.snap"
unreadable() {  # unreadable "description" "what the message names"
  "$motcua" check --content "$work/content" >"$work/out.txt" 2>"$work/err.txt"
  check "check with $1 exits 2" test $? -eq 2
  check "check with $1 names it" grep -q "$2" "$work/err.txt"
  check "check with $1 does not say the content is valid" test ! -s "$work/out.txt"
  build --out "$work/kept" >/dev/null 2>"$work/err.txt"
  check "build with $1 exits 2" test $? -eq 2
  check "build with $1 names it" grep -q "$2" "$work/err.txt"
  snapshot "$work/kept" >"$work/now.snap"
  check "build with $1 leaves the previous site" same "$work/now.snap" "$work/kept.snap"
}
mkfifo "$work/content/procedures/2.000002/notes.md"
unreadable "a named pipe" "content/procedures/2.000002/notes.md: a named pipe"
rm "$work/content/procedures/2.000002/notes.md"
ln -s "$work/nowhere.json" "$work/content/procedures/2.000002/extra.json"
unreadable "a dangling symbolic link" "content/procedures/2.000002/extra.json: a symbolic link to $work/nowhere.json"
rm "$work/content/procedures/2.000002/extra.json"
ln -s .. "$work/content/procedures/2.000002/loop"
unreadable "a symbolic link loop" "content/procedures/2.000002/loop: a symbolic link that leads back"
rm "$work/content/procedures/2.000002/loop"
truncate -s 17M "$work/content/procedures/2.000002/huge.md"
unreadable "a 17 MiB file" "content/procedures/2.000002/huge.md: 17 MiB, larger than the 16 MiB one file may have"
rm "$work/content/procedures/2.000002/huge.md"

# An unreadable folder. Root reads everything, so as root the command runs as nobody.
mkdir "$work/nobody"
cp "$motcua" "$work/nobody/motcua"
cp -r "$src/templates" "$work/nobody/templates"
cp -r "$work/content" "$work/nobody/content"
chmod -R a+rX "$work/nobody"
chmod 000 "$work/nobody/content/procedures/2.000002"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  if setpriv --reuid=nobody --regid=nogroup --clear-groups "$work/nobody/motcua" --version >/dev/null 2>&1; then
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  else
    as_user=(skip)
  fi
fi
if [[ ${as_user[0]:-} == skip ]]; then
  echo "SKIPPED: an unreadable folder (running as root, and cannot run as nobody with setpriv)"
else
  (cd "$work/nobody" && "${as_user[@]}" ./motcua check --content content >"$work/out.txt" 2>"$work/err.txt")
  check "check with an unreadable folder exits 2" test $? -eq 2
  check "... names the folder" grep -q "content/procedures/2.000002: cannot read the folder: Permission denied" "$work/err.txt"
  check "... and does not say the content is valid" test ! -s "$work/out.txt"
  chmod 777 "$work/nobody"
  (cd "$work/nobody" && "${as_user[@]}" ./motcua build --content content --templates templates --wasm "" \
    --out site >/dev/null 2>"$work/err.txt")
  check "build with an unreadable folder exits 2" test $? -eq 2
  check "... names the folder" grep -q "content/procedures/2.000002: cannot read the folder" "$work/err.txt"
  check "... and writes no site" test ! -e "$work/nobody/site"
  chmod 755 "$work/nobody/content/procedures/2.000002"
  (cd "$work/nobody" && "${as_user[@]}" ./motcua build --content content --templates templates --wasm "" \
    --out site >/dev/null 2>&1)
  check "once readable, the same user builds the site" test -f "$work/nobody/site/thu-tuc/2.000002/index.html"
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0
