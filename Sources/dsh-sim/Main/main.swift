import DSHSimCommand

await DSHSim.runCommandLine()
