/** The delegate roll with attendance, joined to people by id. */
package vn.daihoi.delegate;
