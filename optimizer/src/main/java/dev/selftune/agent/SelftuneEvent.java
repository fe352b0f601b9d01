package dev.selftune.agent;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One agent step as a JFR event ({@code selftune.Event}, category "selftune"), so it shows in JDK Mission Control. */
@Name("selftune.Event")
@Category("selftune")
@Label("selftune step")
@Description("A step of the selftune agent: detected, skipped, tuning, rejected, swapped, kept, rolled-back, wisdom-applied or error")
@StackTrace(false)
final class SelftuneEvent extends jdk.jfr.Event {
    @Label("Event")
    String event;

    @Label("Target")
    String target;

    @Label("Evidence")
    @Description("The step's evidence as one JSON object")
    String evidence;

    /** Commits one event; JFR drops it cheaply when no recording has selftune.Event enabled. */
    static void emit(String event, String target, String evidence) {
        SelftuneEvent e = new SelftuneEvent();
        e.event = event;
        e.target = target;
        e.evidence = evidence;
        e.commit();
    }
}
