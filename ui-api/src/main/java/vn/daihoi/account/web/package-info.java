/** Staff signing in on the pages (organisers, counting committee, auditors), and their list of congresses. */
package vn.daihoi.account.web;
