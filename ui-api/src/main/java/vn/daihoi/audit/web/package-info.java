/** The federation auditor's pages: the unit tree on a date, term timelines with their evidence, office holders, the congress season and confidence votes, each list also as CSV; read only. */
package vn.daihoi.audit.web;
