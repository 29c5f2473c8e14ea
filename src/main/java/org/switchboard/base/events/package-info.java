/** Cross-module events that survive a crash: re-delivery of the publications that were never completed. */
package org.switchboard.base.events;
