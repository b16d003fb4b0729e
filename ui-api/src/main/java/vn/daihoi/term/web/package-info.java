/** Pages for the terms of office: submission for recognition, recognition or refusal from above, mid-term changes. */
package vn.daihoi.term.web;
