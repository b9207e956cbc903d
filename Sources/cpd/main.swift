import CPDCommand
import Foundation
import Rasterization

// `cpd` is also the child that decodes page images and photos for the intake (`Rasterizer`):
// one program to install, started with an argument no person types.
if CommandLine.arguments.dropFirst().first == RasterizerChild.argument {
    exit(RasterizerChild.main(Array(CommandLine.arguments.dropFirst(2))))
}
await CPD.runAndExit()
