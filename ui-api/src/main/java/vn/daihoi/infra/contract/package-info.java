/** The HTTP API's generated contract (ADR 0025): springdoc's customizers and the staff-only Swagger UI. */
package vn.daihoi.infra.contract;
