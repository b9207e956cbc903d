import CPDCommand

CPD.runAndExit()
