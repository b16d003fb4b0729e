/** The delegate's own pages: signing in with the code on his slip, and the rounds he may vote in. */
package vn.daihoi.delegate.web;
