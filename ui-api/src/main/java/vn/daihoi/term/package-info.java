/** Terms of office over HTTP: submission and recognition, imports, changes during the term, history and the congress season. */
package vn.daihoi.term;
