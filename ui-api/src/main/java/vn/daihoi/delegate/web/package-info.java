/**
 * The roll's pages: the delegate's own (signing in with the code on his slip, the rounds he may vote in), the
 * check-in desk at the door, and the organiser's roll in the console (CSV upload, one delegate, replacement, slips).
 */
package vn.daihoi.delegate.web;
