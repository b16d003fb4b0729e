/** What every feature shares in the message API: rule violations with their rule id, and text normalisation. */
package vn.daihoi.common;
