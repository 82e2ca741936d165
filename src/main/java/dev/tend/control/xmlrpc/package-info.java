/**
 * XML-RPC values, request and response encoding and a strict, bounded parser (no DTDs, no
 * entities), shared by tend's server and its client.
 *
 * <p>Values are plain Java objects, the same both ways:
 *
 * <table>
 *   <caption>XML-RPC types</caption>
 *   <tr><th>XML-RPC</th><th>Java</th></tr>
 *   <tr><td>{@code int}, {@code i4}</td><td>{@link java.lang.Integer}</td></tr>
 *   <tr><td>{@code i8}</td><td>{@link java.lang.Long}</td></tr>
 *   <tr><td>{@code boolean}</td><td>{@link java.lang.Boolean}</td></tr>
 *   <tr><td>{@code string}, or a {@code value} without a type</td><td>{@link java.lang.String}</td></tr>
 *   <tr><td>{@code double}</td><td>{@link java.lang.Double}</td></tr>
 *   <tr><td>{@code base64}</td><td>{@code byte[]}</td></tr>
 *   <tr><td>{@code dateTime.iso8601}</td><td>{@link java.time.LocalDateTime} (no zone, whole seconds)</td></tr>
 *   <tr><td>{@code array}</td><td>{@link java.util.List}{@code <Object>}</td></tr>
 *   <tr><td>{@code struct}</td><td>{@link java.util.Map}{@code <String, Object>}, in wire order</td></tr>
 * </table>
 *
 * <p>There is no {@code nil}, as in supervisord. Parsed lists and maps are fresh, mutable, and the
 * caller's.
 */
@NullMarked
package dev.tend.control.xmlrpc;

import org.jspecify.annotations.NullMarked;
