package com.itadcustody.console.work;

import com.itadcustody.shared.DomainRuleViolated;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Small helpers the work pages share for showing errors next to fields. */
final class Forms {

    private Forms() {
    }

    /**
     * The binding result with readable messages for values that could not be converted (a date, a number, a
     * choice), keeping what was typed; put back into the model under the form's name.
     */
    static BindingResult readable(BindingResult errors, Model model) {
        if (errors.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
            return errors;
        }
        BeanPropertyBindingResult copy = new BeanPropertyBindingResult(errors.getTarget(), errors.getObjectName());
        for (ObjectError error : errors.getAllErrors()) {
            if (error instanceof FieldError field && field.isBindingFailure()) {
                copy.addError(new FieldError(field.getObjectName(), field.getField(), field.getRejectedValue(), true,
                        field.getCodes(), null, "\"" + field.getRejectedValue() + "\" is not a valid value here."));
            } else {
                copy.addError(error);
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), copy);
        return copy;
    }

    /** Marks the field a rule names, or the whole form when the field is not one of the form's own. */
    static void reject(BindingResult errors, String field, String rule, String message) {
        if (field != null && errors.getTarget() != null
                && new BeanWrapperImpl(errors.getTarget()).isReadableProperty(field)) {
            errors.rejectValue(field, rule, message);
        } else {
            errors.reject(rule, message);
        }
    }

    /** Shows a domain refusal next to its field (mapped to the form's name for it), or at the top of the form. */
    static void reject(BindingResult errors, DomainRuleViolated refused, String formField) {
        reject(errors, formField, refused.rule(), message(refused));
    }

    /** The refusal's message with its first letter capitalised, as a sentence. */
    static String message(DomainRuleViolated refused) {
        String m = refused.getMessage();
        if (m == null || m.isEmpty()) {
            return refused.rule();
        }
        String sentence = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
