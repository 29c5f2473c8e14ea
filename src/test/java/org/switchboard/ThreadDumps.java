package org.switchboard;

import java.util.Map;

/** For a test that waited in vain (a solve that never ends): every thread's stack on stderr, to see what it waits for. */
public final class ThreadDumps {

    private ThreadDumps() {}

    public static void print(String why) {
        StringBuilder out = new StringBuilder("THREAD DUMP (").append(why).append(")\n");
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            out.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
            for (StackTraceElement s : e.getValue()) {
                out.append("    at ").append(s).append('\n');
            }
        }
        System.err.println(out);
    }
}
