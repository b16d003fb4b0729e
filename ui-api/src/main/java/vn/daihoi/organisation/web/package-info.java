/** The organiser's unit registry pages: the tree on a date, a unit's history, and its changes through the API's own path. */
package vn.daihoi.organisation.web;
