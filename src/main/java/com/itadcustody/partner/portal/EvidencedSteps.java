package com.itadcustody.partner.portal;

import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.EvidenceFiles;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's steps that come with uploaded files: each file is stored as the retirement's evidence and named (by
 * SHA-256) in the step's custody event, in one transaction with the step, so a refused step keeps no file.
 */
@Service
class EvidencedSteps {

    private final EvidenceFiles files;
    private final Retirements retirements;

    EvidencedSteps(EvidenceFiles files, Retirements retirements) {
        this.files = files;
        this.retirements = retirements;
    }

    /**
     * An uploaded file with the form field it came from (a refusal of the file names that field).
     *
     * @param field the form's field
     * @param kind what the file is
     * @param name the file's name as uploaded
     * @param content its bytes
     */
    record Upload(String field, EvidenceFile.Kind kind, String name, byte[] content) {
    }

    /** Stores the files and records the grading and disposition with them as evidence. */
    @Transactional
    public RetirementView recordProcessing(UUID retirementId, VendorProcessing processing, List<Upload> uploads,
            Actor actor) {
        return retirements.recordVendorProcessing(retirementId, processing, store(retirementId, null, uploads, actor),
                actor);
    }

    /** Stores the report (if any) and records the medium's sanitization with it as evidence. */
    @Transactional
    public RetirementView recordSanitization(UUID retirementId, UUID mediumId, SanitizationReport report,
            List<Upload> uploads, Actor actor) {
        return retirements.recordSanitization(retirementId, mediumId, report,
                store(retirementId, mediumId, uploads, actor), actor);
    }

    private List<CustodyEvent.Evidence> store(UUID retirementId, UUID mediumId, List<Upload> uploads, Actor actor) {
        List<CustodyEvent.Evidence> evidence = new ArrayList<>();
        for (Upload upload : uploads) {
            try {
                evidence.add(files.store(retirementId, mediumId, upload.kind(), upload.name(), upload.content(),
                        actor).asEvidence());
            } catch (DomainRuleViolated refused) {
                if (!"file".equals(refused.field())) {
                    throw refused;
                }
                throw new DomainRuleViolated(refused.status(), refused.rule(), upload.field(), refused.getMessage());
            }
        }
        return evidence;
    }
}
