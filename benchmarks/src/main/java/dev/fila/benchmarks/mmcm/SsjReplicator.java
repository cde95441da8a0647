package dev.fila.benchmarks.mmcm;

import umontreal.ssj.rng.RandomStream;

/**
 * SSJ's way to run a staffing question's replications, as one would naively: one after another on one
 * thread, each on the next substream of the same three MRG32k3a streams, so every replication at every
 * staffing level draws fresh numbers (no common random numbers across levels).
 */
public final class SsjReplicator implements StaffingQuestion.Replicator {

    private final RandomStream[] streams;

    /** Streams from SSJ's six-number package seed. */
    public SsjReplicator(long[] seed) {
        this.streams = SsjMmcm.streams(seed);
    }

    @Override
    public double[] serviceLevels(MmcmModel model, int from, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            SsjMmcm.nextReplication(streams);
            out[i] =
                    new SsjMmcm(model, streams[0], streams[1], streams[2]).run().serviceLevel();
        }
        return out;
    }
}
