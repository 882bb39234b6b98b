// fixture: low/ reaches back up to high/, closing a cycle through three folders
#include "high/top.h"
