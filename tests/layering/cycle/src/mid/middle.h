// fixture
#include "low/base.h"
