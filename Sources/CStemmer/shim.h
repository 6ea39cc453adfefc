// Snowball stemmers from Debian's libstemmer-dev. Only the Dutch stemmer is used.
#include <libstemmer.h>
