#include "motcua/portal_import.h"
