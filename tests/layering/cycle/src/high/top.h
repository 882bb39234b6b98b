// fixture
#include "mid/middle.h"
