/**
 * The console's behaviour: a key becomes an action, an action or a feed's update becomes a change
 * of the state and a request to the feeds. One class per screen context (global keys, the table, a
 * log pane, the overlays, the command line), each built on the parts it needs and narrow
 * interfaces, never on the controller. UI thread only; never blocks.
 */
@NullMarked
package dev.tend.tui.control;

import org.jspecify.annotations.NullMarked;
