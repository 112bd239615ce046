package dev.sweep.store;

import java.util.Optional;

/** Trained models of completed trials, stored with them by {@link TrialStore#completeTrial}. */
public interface ModelStore {
    Optional<StoredModel> model(long trialId);
}
