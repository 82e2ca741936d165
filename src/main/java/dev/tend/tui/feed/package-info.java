/**
 * The console's threads that talk to the supervisor and to files: the change feed, the stats
 * sampler, process actions, log follows, preferences and saved panes. They post immutable events to
 * the UI thread and never touch the state; what the controller asks of them is the {@link
 * dev.tend.tui.feed.ConsoleServices} interface.
 */
@NullMarked
package dev.tend.tui.feed;

import org.jspecify.annotations.NullMarked;
