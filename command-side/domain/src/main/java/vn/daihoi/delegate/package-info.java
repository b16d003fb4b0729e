/** The delegate roll's ports and the import of many delegates in one transaction. */
package vn.daihoi.delegate;
