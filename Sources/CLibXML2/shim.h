// libxml2 for Swift. libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set,
// which clashes with Foundation's own ICU module; we never use libxml2's ICU hooks.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
