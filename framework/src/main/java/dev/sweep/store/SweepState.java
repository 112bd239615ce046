package dev.sweep.store;

public enum SweepState { RUNNING, INTERRUPTED, COMPLETE }
