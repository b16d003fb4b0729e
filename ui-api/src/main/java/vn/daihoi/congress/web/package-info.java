/** The hall screen: attendance, quorum, turnout and counted results on the projector, live over server-sent events. */
package vn.daihoi.congress.web;
