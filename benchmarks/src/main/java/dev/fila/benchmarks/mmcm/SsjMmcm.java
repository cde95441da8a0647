package dev.fila.benchmarks.mmcm;

import java.util.ArrayDeque;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The M/M/c+M model written on SSJ's event-driven API the way its examples write it: one {@link
 * Simulator} per replication (its default event list), an {@link Event} subclass per kind of event,
 * a customer object per call with its own abandonment event (cancelled when service starts), a
 * departure event per service, and SSJ's MRG32k3a streams (one each for arrivals, handle times and
 * patience). Time is in seconds.
 *
 * <p>An <em>event</em> here is one {@link Event#actions()} run: an arrival, a departure or an
 * abandonment (about two per call; cancelled abandonments are not counted).
 */
public final class SsjMmcm {

    private final MmcmModel model;
    private final Simulator sim = new Simulator();
    private final RandomStream arrivalStream;
    private final RandomStream handleStream;
    private final RandomStream patienceStream;
    private final double arrivalRate;
    private final double handleRate;
    private final double patienceRate;
    private final double horizonSeconds;

    private final ArrayDeque<Customer> waiting = new ArrayDeque<>();
    private int busyAgents;
    private long arrivals;
    private long answered;
    private long abandoned;
    private long answeredWithinT;
    private double totalWait;
    private long events;

    /**
     * A replication drawing from the three streams given (arrivals, handle times, patience); the
     * caller advances them to a fresh substream per replication, so replications are independent and
     * each is repeatable.
     */
    public SsjMmcm(
            MmcmModel model, RandomStream arrivalStream, RandomStream handleStream, RandomStream patienceStream) {
        this.model = model;
        this.arrivalStream = arrivalStream;
        this.handleStream = handleStream;
        this.patienceStream = patienceStream;
        this.arrivalRate = model.arrivalsPerHour() / 3600.0;
        this.handleRate = 1.0 / model.meanHandleSeconds();
        this.patienceRate = 1.0 / model.meanPatienceSeconds();
        this.horizonSeconds = model.horizonHours() * 3600.0;
    }

    /** Three fresh MRG32k3a streams from {@code seed} (6 numbers, see {@link MRG32k3a#setPackageSeed}). */
    public static RandomStream[] streams(long[] seed) {
        MRG32k3a.setPackageSeed(seed);
        return new RandomStream[] {new MRG32k3a(), new MRG32k3a(), new MRG32k3a()};
    }

    /** Moves each stream to its next substream: call between replications. */
    public static void nextReplication(RandomStream[] streams) {
        for (RandomStream s : streams) {
            s.resetNextSubstream();
        }
    }

    /** Runs one replication to the horizon. */
    public MmcmFigures run() {
        sim.init();
        new EndOfSimulation(sim).schedule(horizonSeconds);
        new Arrival(sim).schedule(ExponentialGen.nextDouble(arrivalStream, arrivalRate));
        sim.start();
        return new MmcmFigures(arrivals, answered, abandoned, answeredWithinT, totalWait, events);
    }

    private void startService(Customer customer, double now) {
        busyAgents++;
        double wait = now - customer.arrivedAt;
        answered++;
        totalWait += wait;
        if (wait <= model.answerWithinSeconds()) {
            answeredWithinT++;
        }
        new Departure(sim).schedule(ExponentialGen.nextDouble(handleStream, handleRate));
    }

    private final class Arrival extends Event {
        Arrival(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
            events++;
            arrivals++;
            double now = sim.time();
            Customer customer = new Customer(now);
            double patience = ExponentialGen.nextDouble(patienceStream, patienceRate);
            if (busyAgents < model.agents()) {
                startService(customer, now);
            } else {
                waiting.addLast(customer);
                customer.abandonment = new Abandonment(sim, customer);
                customer.abandonment.schedule(patience);
            }
            schedule(ExponentialGen.nextDouble(arrivalStream, arrivalRate));
        }
    }

    private final class Departure extends Event {
        Departure(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
            events++;
            busyAgents--;
            Customer next = waiting.pollFirst();
            if (next != null) {
                next.abandonment.cancel();
                startService(next, sim.time());
            }
        }
    }

    private final class Abandonment extends Event {
        private final Customer customer;

        Abandonment(Simulator sim, Customer customer) {
            super(sim);
            this.customer = customer;
        }

        @Override
        public void actions() {
            events++;
            waiting.removeFirstOccurrence(customer);
            abandoned++;
        }
    }

    private static final class EndOfSimulation extends Event {
        EndOfSimulation(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
            sim.stop();
        }
    }

    private static final class Customer {
        final double arrivedAt;
        Abandonment abandonment;

        Customer(double arrivedAt) {
            this.arrivedAt = arrivedAt;
        }
    }
}
