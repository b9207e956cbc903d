import CPDCommand

await CPD.runAndExit()
