package dev.fila.benchmarks.mmcm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The staffing question answered both ways (Fila: kernel with the full rules, parallel, common random
 * numbers; SSJ: sequential, fresh streams) on a short horizon: both reach the same fewest agents, each
 * answer rests on a level that meets the target and the one below it that misses, and Fila's answer is
 * the same on one thread as on two.
 */
class StaffingQuestionTest {

    private static final MmcmModel LOAD = MmcmModel.issueModel(4);
    private static final StaffingQuestion.Rule RULE = new StaffingQuestion.Rule(0.8, 0.005, 8, 4, 400);

    @Test
    void R10_R13_filaInParallelWithCommonRandomNumbersAndSsjInSequenceReachTheSameFewestAgents() {
        int start = StaffingQuestion.erlangStart(LOAD, RULE.targetServiceLevel());
        StaffingQuestion.Answer fila;
        try (FilaReplicator replicator = new FilaReplicator(11, RULE.maxReplications(), 2)) {
            fila = StaffingQuestion.answer(LOAD, RULE, start, replicator);
        }
        StaffingQuestion.Answer ssj =
                StaffingQuestion.answer(LOAD, RULE, start, new SsjReplicator(new long[] {1, 2, 3, 4, 5, 6}));

        assertThat(fila.agents()).isEqualTo(ssj.agents());
        for (StaffingQuestion.Answer answer : List.of(fila, ssj)) {
            StaffingQuestion.Level met = level(answer, answer.agents());
            StaffingQuestion.Level below = level(answer, answer.agents() - 1);
            assertThat(met.meets()).isTrue();
            assertThat(below.meets()).isFalse();
            assertThat(met.serviceLevel().mean()).isGreaterThanOrEqualTo(RULE.targetServiceLevel());
            assertThat(below.serviceLevel().mean()).isLessThan(RULE.targetServiceLevel());
            assertThat(answer.replications())
                    .isEqualTo(answer.levels().stream()
                            .mapToInt(l -> l.serviceLevel().n())
                            .sum());
        }
        // Erlang A (exact for M/M/n+M in the long run) is within an agent of the simulated answer.
        assertThat(fila.agents()).isBetween(start - 1, start + 1);
    }

    @Test
    void filaAnswersTheSameOnOneThreadAsOnTwo() {
        int start = StaffingQuestion.erlangStart(LOAD, RULE.targetServiceLevel());
        StaffingQuestion.Answer one;
        StaffingQuestion.Answer two;
        try (FilaReplicator r1 = new FilaReplicator(5, RULE.maxReplications(), 1);
                FilaReplicator r2 = new FilaReplicator(5, RULE.maxReplications(), 2)) {
            one = StaffingQuestion.answer(LOAD, RULE, start, r1);
            two = StaffingQuestion.answer(LOAD, RULE, start, r2);
        }
        assertThat(two).isEqualTo(one);
    }

    private static StaffingQuestion.Level level(StaffingQuestion.Answer answer, int agents) {
        return answer.levels().stream()
                .filter(l -> l.agents() == agents)
                .findFirst()
                .orElseThrow(() -> new AssertionError("level " + agents + " was not decided: " + answer));
    }
}
