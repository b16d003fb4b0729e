/**
 * The congress's pages: the hall screen (attendance, quorum, turnout and counted results on the projector, live over
 * server-sent events) and the organiser's console (convening, the run-of-show, the session and its decisions).
 */
package vn.daihoi.congress.web;
