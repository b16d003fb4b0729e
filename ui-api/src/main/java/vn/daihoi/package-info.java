/** The application: one Spring Boot process; each feature package holds its HTTP endpoints. */
package vn.daihoi;
