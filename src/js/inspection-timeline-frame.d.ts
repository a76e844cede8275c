// The iframe parent script: it sizes iframes marked data-inspection-timeline from the
// heights their pages report. It exports nothing; importing it runs it.
export {};
