package org.example.allconv;

import dev.sweep.testkit.ArchitectureContract;

/** Sweep's architecture contract, in one line: 16+16 and 32+32 filters of 3x3 (with their biases), and the 1x1 to 10 classes. */
class AllConvolutionalContractTest extends ArchitectureContract {
    AllConvolutionalContractTest() {
        super(new AllConvolutional(), 160L + 2_320 + 4_640 + 9_248 + 330);
    }
}
