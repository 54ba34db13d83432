from aiportfolio.cli.app import main

main()
