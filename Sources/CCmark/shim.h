#ifndef LABSITE_CCMARK_SHIM_H
#define LABSITE_CCMARK_SHIM_H
#include <cmark.h>
#endif
