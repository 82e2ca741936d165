/**
 * XML-RPC values, request and response encoding and a strict, bounded parser (no DTDs, no
 * entities).
 */
@NullMarked
package dev.tend.control.xmlrpc;

import org.jspecify.annotations.NullMarked;
