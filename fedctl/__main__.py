import sys

from fedctl.main import main

sys.exit(main())
