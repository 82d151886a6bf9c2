// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "dsh",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "dsh", targets: ["dsh"]),
    .executable(name: "dsh-sim", targets: ["dsh-sim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditor", dependencies: ["CEditLine"]),
    // The version (DSHVersion) and the commit stamped in at build time (CBuildInfo): a
    // small place both executables and the `version` command can read.
    .target(name: "CBuildInfo"),
    .target(name: "DSHVersion", dependencies: ["CBuildInfo"]),
    .target(name: "DSHLanguage"),
    .target(
      name: "DocSpaceAPI",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .target(name: "DocSpaceVerbs", dependencies: ["DSHLanguage", "DocSpaceAPI"]),
    .target(name: "DSHShell", dependencies: ["DSHLanguage", "DocSpaceAPI", "DocSpaceVerbs", "DSHVersion"]),
    .target(
      name: "DocSpaceSimulator",
      dependencies: [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "dsh",
      dependencies: [
        "LineEditor", "DSHLanguage", "DSHShell", "DocSpaceVerbs", "DocSpaceAPI", "DocSpaceSimulator", "DSHVersion",
        "DSHSimCommand", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // dsh-sim's command line, in a library so that `dsh` can run it too when called by the
    // name dsh-sim (one binary ships, with dsh-sim as a link to it).
    .target(
      name: "DSHSimCommand",
      dependencies: [
        "DocSpaceSimulator", "DSHVersion",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/dsh-sim/Command"
    ),
    .executableTarget(name: "dsh-sim", dependencies: ["DSHSimCommand"], path: "Sources/dsh-sim/Main"),
    // Writes dsh-language(7) and dsh-verbs(7) from the command declarations (`make docs`).
    .executableTarget(
      name: "dsh-docs", dependencies: ["DSHLanguage", "DSHShell", "DSHVersion"], path: "Sources/dsh-docs"),
    .testTarget(name: "DSHLanguageTests", dependencies: ["DSHLanguage"]),
    .testTarget(
      name: "DocSpaceSimulatorTests",
      dependencies: [
        "DocSpaceSimulator", "DocSpaceAPI", "TestProcesses",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    // Starting programs from the tests (posix_spawn; Foundation's Process crashed with many sockets open).
    .target(name: "CSpawn", path: "Tests/CSpawn"),
    .target(name: "TestProcesses", dependencies: ["CSpawn"], path: "Tests/TestProcesses"),
    .testTarget(
      name: "DSHShellTests",
      dependencies: ["DSHLanguage", "DSHShell", "DocSpaceVerbs", "DocSpaceAPI", "DocSpaceSimulator", "TestProcesses"],
      resources: [.copy("Scripts")]
    ),
    .testTarget(name: "EndToEndTests", dependencies: ["DocSpaceAPI", "DocSpaceSimulator", "TestProcesses"]),
    .testTarget(name: "DocSpaceAPITests", dependencies: ["DocSpaceAPI"]),
  ],
  swiftLanguageModes: [.v6]
)
