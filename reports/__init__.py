"""Reports of policy decisions (the gate, the plan check): one model, one writer per format."""
