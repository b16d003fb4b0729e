/** The edge of the HTTP API: what a request may look like before any command runs (ADR 0014). */
package vn.daihoi.infra.edge;
