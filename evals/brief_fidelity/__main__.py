from evals.brief_fidelity.run import main

main()
