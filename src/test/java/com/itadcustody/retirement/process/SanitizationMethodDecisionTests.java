package com.itadcustody.retirement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.itadcustody.asset.MediaType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NIST SP 800-88 sanitization decision ({@code processes/sanitization-method.dmn}) evaluated with Camunda's
 * standalone DMN engine: one case per rule row, every input combination, and the invariants a compliance officer
 * relies on.
 */
class SanitizationMethodDecisionTests {

    private static final String RESOURCE = "processes/sanitization-method.dmn";
    private static final String METHOD_DECISION = "sanitization-method";
    private static final String LEVEL_DECISION = "sanitization-level";

    private static final List<String> CONFIDENTIALITIES = List.of("LOW", "MODERATE", "HIGH");
    private static final List<String> DESTINATIONS = List.of("INTERNAL_REUSE", "LEAVES_ORGANISATION", "DISPOSAL");
    private static final Set<MediaType> FLASH_MEDIA = EnumSet.of(MediaType.SSD_SATA, MediaType.SSD_SCSI,
            MediaType.NVME, MediaType.USB_FLASH, MediaType.MEMORY_CARD, MediaType.MOBILE_INTERNAL_FLASH);
    private static final Set<String> DESTRUCTION_TECHNIQUES = Set.of("SHRED", "DISINTEGRATE", "PULVERIZE", "INCINERATE");

    /** The last evaluation on this thread, caught to know which rule rows matched. */
    private static final ThreadLocal<DmnDecisionEvaluationEvent> lastEvaluation = new ThreadLocal<>();

    private static DmnEngine engine;
    private static DmnDecision methodDecision;
    private static DmnDecision levelDecision;

    @BeforeAll
    static void parseTheDecisionFromTheClasspath() throws IOException {
        DmnDecisionEvaluationListener rememberEvaluation = lastEvaluation::set;
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(rememberEvaluation))
                .buildEngine();
        try (InputStream dmn = resource()) {
            methodDecision = engine.parseDecision(METHOD_DECISION, dmn);
        }
        try (InputStream dmn = resource()) {
            levelDecision = engine.parseDecision(LEVEL_DECISION, dmn);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // One case per rule row
    // ---------------------------------------------------------------------------------------------------------

    /** Representative inputs for one row of the minimum-level table. */
    record LevelExample(String ruleId, String confidentiality, String destination, String minimumMethodType) {}

    /** Representative inputs for one row of the method table, and what it must answer. */
    record MethodExample(String ruleId, MediaType mediaType, String confidentiality, String destination,
            boolean selfEncrypting, String methodType, String technique) {}

    private static final List<LevelExample> LEVEL_EXAMPLES = List.of(
            new LevelExample("Rule_Level_LowOrModerateStayingInside", "MODERATE", "INTERNAL_REUSE", "CLEAR"),
            new LevelExample("Rule_Level_HighStayingInside", "HIGH", "INTERNAL_REUSE", "PURGE"),
            new LevelExample("Rule_Level_LowOrModerateLeaving", "LOW", "LEAVES_ORGANISATION", "PURGE"),
            new LevelExample("Rule_Level_HighLeaving", "HIGH", "LEAVES_ORGANISATION", "DESTROY"),
            new LevelExample("Rule_Level_LowDisposal", "LOW", "DISPOSAL", "PURGE"),
            new LevelExample("Rule_Level_ModerateOrHighDisposal", "MODERATE", "DISPOSAL", "DESTROY"));

    private static final List<MethodExample> METHOD_EXAMPLES = List.of(
            // magnetic hard drives
            new MethodExample("Rule_HDD_Clear_Overwrite", MediaType.HDD_ATA, "LOW", "INTERNAL_REUSE", false, "CLEAR", "OVERWRITE"),
            new MethodExample("Rule_HDD_ATA_Purge_Overwrite", MediaType.HDD_ATA, "MODERATE", "LEAVES_ORGANISATION", false, "PURGE", "OVERWRITE"),
            new MethodExample("Rule_HDD_SCSI_Purge_Overwrite", MediaType.HDD_SCSI, "HIGH", "INTERNAL_REUSE", false, "PURGE", "OVERWRITE"),
            new MethodExample("Rule_HDD_Purge_CryptoErase", MediaType.HDD_SCSI, "LOW", "LEAVES_ORGANISATION", true, "PURGE", "CRYPTO_ERASE"),
            new MethodExample("Rule_HDD_Destroy_Shred", MediaType.HDD_ATA, "HIGH", "DISPOSAL", true, "DESTROY", "SHRED"),
            // solid-state drives
            new MethodExample("Rule_SSD_Clear_Overwrite", MediaType.SSD_SCSI, "MODERATE", "INTERNAL_REUSE", true, "CLEAR", "OVERWRITE"),
            new MethodExample("Rule_SSD_SATA_Purge_BlockErase", MediaType.SSD_SATA, "LOW", "DISPOSAL", false, "PURGE", "BLOCK_ERASE"),
            new MethodExample("Rule_SSD_SCSI_Purge_BlockErase", MediaType.SSD_SCSI, "MODERATE", "LEAVES_ORGANISATION", false, "PURGE", "BLOCK_ERASE"),
            new MethodExample("Rule_SSD_Purge_CryptoErase", MediaType.SSD_SATA, "HIGH", "INTERNAL_REUSE", true, "PURGE", "CRYPTO_ERASE"),
            new MethodExample("Rule_NVMe_Clear_Overwrite", MediaType.NVME, "LOW", "INTERNAL_REUSE", true, "CLEAR", "OVERWRITE"),
            new MethodExample("Rule_NVMe_Purge_BlockErase", MediaType.NVME, "LOW", "LEAVES_ORGANISATION", false, "PURGE", "BLOCK_ERASE"),
            new MethodExample("Rule_NVMe_Purge_CryptoErase", MediaType.NVME, "MODERATE", "LEAVES_ORGANISATION", true, "PURGE", "CRYPTO_ERASE"),
            new MethodExample("Rule_SolidState_Destroy_Disintegrate", MediaType.NVME, "HIGH", "LEAVES_ORGANISATION", true, "DESTROY", "DISINTEGRATE"),
            // phones and tablets
            new MethodExample("Rule_Mobile_Clear_FactoryReset", MediaType.MOBILE_INTERNAL_FLASH, "LOW", "INTERNAL_REUSE", true, "CLEAR", "OTHER"),
            new MethodExample("Rule_Mobile_Purge_CryptoErase", MediaType.MOBILE_INTERNAL_FLASH, "MODERATE", "LEAVES_ORGANISATION", true, "PURGE", "CRYPTO_ERASE"),
            new MethodExample("Rule_Mobile_Destroy_NoEncryption", MediaType.MOBILE_INTERNAL_FLASH, "LOW", "LEAVES_ORGANISATION", false, "DESTROY", "DISINTEGRATE"),
            new MethodExample("Rule_Mobile_Destroy", MediaType.MOBILE_INTERNAL_FLASH, "HIGH", "DISPOSAL", true, "DESTROY", "DISINTEGRATE"),
            // USB flash drives and memory cards
            new MethodExample("Rule_RemovableFlash_Clear_Overwrite", MediaType.USB_FLASH, "MODERATE", "INTERNAL_REUSE", false, "CLEAR", "OVERWRITE"),
            new MethodExample("Rule_RemovableFlash_Destroy", MediaType.MEMORY_CARD, "LOW", "LEAVES_ORGANISATION", true, "DESTROY", "DISINTEGRATE"),
            // magnetic tape
            new MethodExample("Rule_Tape_Clear_Overwrite", MediaType.MAGNETIC_TAPE, "LOW", "INTERNAL_REUSE", false, "CLEAR", "OVERWRITE"),
            new MethodExample("Rule_Tape_Purge_Degauss", MediaType.MAGNETIC_TAPE, "LOW", "DISPOSAL", true, "PURGE", "DEGAUSS"),
            new MethodExample("Rule_Tape_Destroy_Shred", MediaType.MAGNETIC_TAPE, "MODERATE", "DISPOSAL", false, "DESTROY", "SHRED"),
            // optical discs
            new MethodExample("Rule_Optical_Destroy_Shred", MediaType.OPTICAL, "LOW", "INTERNAL_REUSE", false, "DESTROY", "SHRED"));

    static Stream<Arguments> levelRules() {
        return LEVEL_EXAMPLES.stream().map(example -> Arguments.of(Named.of(example.ruleId(), example)));
    }

    static Stream<Arguments> methodRules() {
        return METHOD_EXAMPLES.stream().map(example -> Arguments.of(Named.of(example.ruleId(), example)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levelRules")
    void levelRuleAnswersTheMinimumMethodType(LevelExample example) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(levelDecision,
                Map.of("confidentiality", example.confidentiality(), "destination", example.destination()));

        assertThat(matchedRules(lastEvaluation.get().getDecisionResult())).containsExactly(example.ruleId());
        assertThat((String) result.getSingleResult().getEntry("minimumMethodType")).isEqualTo(example.minimumMethodType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methodRules")
    void methodRuleAnswersMethodTechniqueAndGuidance(MethodExample example) {
        Answer answer = decide(example.mediaType(), example.confidentiality(), example.destination(),
                example.selfEncrypting());

        assertThat(answer.methodRules()).containsExactly(example.ruleId());
        assertThat(answer.methodType()).isEqualTo(example.methodType());
        assertThat(answer.technique()).isEqualTo(example.technique());
        assertThat(answer.guidance()).isNotBlank();
    }

    @Test
    void everyRuleRowInTheFileHasItsOwnCase() throws IOException {
        List<String> ruleIds;
        try (InputStream dmn = resource()) {
            ruleIds = Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream()
                    .map(Rule::getId).toList();
        }
        List<String> caseIds = Stream.concat(LEVEL_EXAMPLES.stream().map(LevelExample::ruleId),
                METHOD_EXAMPLES.stream().map(MethodExample::ruleId)).toList();

        assertThat(caseIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ruleIds);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every combination: no gaps, no overlaps
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyCombinationOfInputsHasExactlyOneAnswerWithGuidance() {
        SoftAssertions softly = new SoftAssertions();
        for (Combination combination : combinations()) {
            DmnDecisionTableResult result;
            try {
                result = engine.evaluateDecisionTable(methodDecision, combination.variables());
            } catch (RuntimeException overlap) {
                softly.fail("%s: %s", combination, overlap.getMessage());
                continue;
            }
            softly.assertThat(result.getResultList()).as("answers for %s", combination).hasSize(1);
            softly.assertThat(matchedRules(lastEvaluation.get().getDecisionResult()))
                    .as("method rows matching %s", combination).hasSize(1);
            if (result.size() == 1) {
                DmnDecisionRuleResult entries = result.getSingleResult();
                softly.assertThat((String) entries.getEntry("guidance")).as("guidance for %s", combination).isNotBlank();
                softly.assertThat(isMethodType(entries.getEntry("methodType")))
                        .as("method type %s for %s", entries.getEntry("methodType"), combination).isTrue();
                softly.assertThat(isTechnique(entries.getEntry("technique")))
                        .as("technique %s for %s", entries.getEntry("technique"), combination).isTrue();
            }
        }
        softly.assertAll();
        assertThat(combinations()).hasSize(MediaType.values().length * 3 * 3 * 2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Invariants
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void flashMediaAreNeverDegaussed() {
        assertThat(answersFor(c -> FLASH_MEDIA.contains(c.mediaType())))
                .allSatisfy((combination, answer) -> assertThat(answer.technique()).as("%s", combination).isNotEqualTo("DEGAUSS"));
    }

    @Test
    void highConfidentialityDataForDisposalIsAlwaysDestroyed() {
        assertThat(answersFor(c -> c.confidentiality().equals("HIGH") && c.destination().equals("DISPOSAL")))
                .isNotEmpty()
                .allSatisfy((combination, answer) -> assertThat(answer.methodType()).as("%s", combination).isEqualTo("DESTROY"));
    }

    @Test
    void nothingLeavingTheOrganisationIsOnlyCleared() {
        assertThat(answersFor(c -> !c.destination().equals("INTERNAL_REUSE")))
                .isNotEmpty()
                .allSatisfy((combination, answer) -> assertThat(answer.methodType()).as("%s", combination).isNotEqualTo("CLEAR"));
    }

    @Test
    void highConfidentialityDataIsNeverOnlyCleared() {
        assertThat(answersFor(c -> c.confidentiality().equals("HIGH")))
                .allSatisfy((combination, answer) -> assertThat(answer.methodType()).as("%s", combination).isNotEqualTo("CLEAR"));
    }

    @Test
    void opticalMediaAreAlwaysDestroyed() {
        assertThat(answersFor(c -> c.mediaType() == MediaType.OPTICAL))
                .hasSize(18)
                .allSatisfy((combination, answer) -> assertThat(answer.methodType()).as("%s", combination).isEqualTo("DESTROY"));
    }

    @Test
    void theMethodIsNeverWeakerThanTheDecisionFlowRequires() {
        assertThat(answersFor(c -> true)).allSatisfy((combination, answer) -> {
            String minimum = (String) engine.evaluateDecisionTable(levelDecision, combination.variables())
                    .getSingleResult().getEntry("minimumMethodType");
            assertThat(SanitizationMethodType.valueOf(answer.methodType()))
                    .as("%s (minimum %s)", combination, minimum)
                    .isGreaterThanOrEqualTo(SanitizationMethodType.valueOf(minimum));
        });
    }

    @Test
    void destroyAlwaysUsesADestructionTechniqueAndNothingElseDoes() {
        assertThat(answersFor(c -> true)).allSatisfy((combination, answer) -> assertThat(
                DESTRUCTION_TECHNIQUES.contains(answer.technique())).as("%s answers %s with %s", combination,
                        answer.methodType(), answer.technique())
                .isEqualTo(answer.methodType().equals("DESTROY")));
    }

    @Test
    void everyClearOrPurgeExceptDegaussingTellsTheOperatorToVerify() {
        assertThat(answersFor(c -> true)).allSatisfy((combination, answer) -> {
            if (!answer.methodType().equals("DESTROY") && !answer.technique().equals("DEGAUSS")) {
                assertThat(answer.guidance()).as("%s", combination).containsIgnoringCase("verify");
            }
        });
    }

    @Test
    void theDecisionNamesTheStandardVersionItImplements() {
        assertThat(methodDecision.getKey()).isEqualTo(METHOD_DECISION);
        assertThat(methodDecision.getName()).contains("NIST SP 800-88 Rev. 1");
        assertThat(levelDecision.getName()).contains("NIST SP 800-88 Rev. 1");
        assertThat(methodDecision.getRequiredDecisions()).extracting(DmnDecision::getKey).containsExactly(LEVEL_DECISION);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    /** One set of inputs to the decision. */
    record Combination(MediaType mediaType, String confidentiality, String destination, boolean selfEncrypting) {
        Map<String, Object> variables() {
            return Map.of("mediaType", mediaType.name(), "confidentiality", confidentiality,
                    "destination", destination, "selfEncrypting", selfEncrypting);
        }

        @Override
        public String toString() {
            return mediaType + "/" + confidentiality + "/" + destination + "/selfEncrypting=" + selfEncrypting;
        }
    }

    /** The decision's answer and the method rows that produced it. */
    record Answer(String methodType, String technique, String guidance, List<String> methodRules) {}

    private static List<Combination> combinations() {
        List<Combination> all = new ArrayList<>();
        for (MediaType mediaType : MediaType.values()) {
            for (String confidentiality : CONFIDENTIALITIES) {
                for (String destination : DESTINATIONS) {
                    for (boolean selfEncrypting : new boolean[] {false, true}) {
                        all.add(new Combination(mediaType, confidentiality, destination, selfEncrypting));
                    }
                }
            }
        }
        return all;
    }

    private static Map<Combination, Answer> answersFor(java.util.function.Predicate<Combination> which) {
        return combinations().stream().filter(which).collect(Collectors.toMap(c -> c, c -> decide(c.mediaType(),
                c.confidentiality(), c.destination(), c.selfEncrypting())));
    }

    private static Answer decide(MediaType mediaType, String confidentiality, String destination, boolean selfEncrypting) {
        Combination combination = new Combination(mediaType, confidentiality, destination, selfEncrypting);
        DmnDecisionTableResult result = engine.evaluateDecisionTable(methodDecision, combination.variables());
        if (result.size() != 1) {
            fail("expected exactly one answer for %s but got %s", combination, result.getResultList());
        }
        DmnDecisionRuleResult entries = result.getSingleResult();
        return new Answer(entries.getEntry("methodType"), entries.getEntry("technique"), entries.getEntry("guidance"),
                matchedRules(lastEvaluation.get().getDecisionResult()));
    }

    private static List<String> matchedRules(DmnDecisionLogicEvaluationEvent event) {
        return ((DmnDecisionTableEvaluationEvent) event).getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId).toList();
    }

    private static boolean isMethodType(Object value) {
        return Stream.of(SanitizationMethodType.values()).anyMatch(type -> type.name().equals(value));
    }

    private static boolean isTechnique(Object value) {
        return Stream.of(SanitizationTechnique.values()).anyMatch(technique -> technique.name().equals(value));
    }

    private static InputStream resource() {
        InputStream dmn = SanitizationMethodDecisionTests.class.getClassLoader().getResourceAsStream(RESOURCE);
        assertThat(dmn).as("%s on the classpath", RESOURCE).isNotNull();
        return dmn;
    }
}
