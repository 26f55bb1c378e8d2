package dev.secondchance.examples.herd.simulated;

/**
 * The simulation's pending messages, earliest first: a binary heap over primitive arrays. Messages due at
 * the same instant come out in the order they were sent, so a run depends only on its seed. Each client
 * has at most one message in flight, so the capacity is the number of clients. Not thread-safe.
 */
final class EventQueue {

    private final double[] times;
    private final long[] sequences;
    private final int[] kinds;
    private final int[] clients;
    private int size;
    private long nextSequence;

    /** @param capacity the most messages in flight at once */
    EventQueue(int capacity) {
        times = new double[capacity];
        sequences = new long[capacity];
        kinds = new int[capacity];
        clients = new int[capacity];
    }

    /**
     * Adds a message.
     *
     * @param time when it arrives, in virtual milliseconds
     * @param kind what it is
     * @param client the client it belongs to
     */
    void add(double time, int kind, int client) {
        if (size == times.length) {
            throw new IllegalStateException("more messages in flight than clients");
        }
        int i = size++;
        set(i, time, nextSequence++, kind, client);
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    /** @return true if no message is in flight */
    boolean isEmpty() {
        return size == 0;
    }

    /** @return the arrival time of the earliest message */
    double firstTime() {
        return times[0];
    }

    /** @return the kind of the earliest message */
    int firstKind() {
        return kinds[0];
    }

    /** @return the client of the earliest message */
    int firstClient() {
        return clients[0];
    }

    /** Removes the earliest message. */
    void removeFirst() {
        size--;
        if (size == 0) {
            return;
        }
        set(0, times[size], sequences[size], kinds[size], clients[size]);
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && before(left + 1, left) ? left + 1 : left;
            if (!before(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private boolean before(int a, int b) {
        return times[a] < times[b] || (times[a] == times[b] && sequences[a] < sequences[b]);
    }

    private void set(int i, double time, long sequence, int kind, int client) {
        times[i] = time;
        sequences[i] = sequence;
        kinds[i] = kind;
        clients[i] = client;
    }

    private void swap(int a, int b) {
        double time = times[a];
        long sequence = sequences[a];
        int kind = kinds[a];
        int client = clients[a];
        set(a, times[b], sequences[b], kinds[b], clients[b]);
        set(b, time, sequence, kind, client);
    }
}
