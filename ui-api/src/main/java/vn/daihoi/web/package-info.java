/**
 * What every web page shares: its own security chain (session cookie, CSRF, strict Content-Security-Policy), the
 * language switch, the landing page and the page shown for a refusal. The pages themselves live with their feature
 * ({@code election.web}, {@code delegate.web}, {@code congress.web}) beside the feature's JSON controller.
 */
package vn.daihoi.web;
