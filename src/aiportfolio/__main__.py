from aiportfolio.cli.entry import main

main()
