// The libxml2 declarations TenderXML uses. Only TenderXML imports this module.
//
// libxml2 2.9.14 (Debian 12) is the oldest version we build against: it has the SAX2 handler with
// structured errors (`serror`), `xmlCreateMemoryParserCtxt`, `xmlStopParser` and
// `xmlSetExternalEntityLoader`, which is all TenderXML needs. No C shims are needed: every macro we
// use (`XML_SAX2_MAGIC`, the `XML_PARSE_*` options) imports into Swift as a constant.
#ifndef TENDERLINT_CLIBXML2_SHIM_H
#define TENDERLINT_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#endif
